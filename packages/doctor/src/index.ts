export { runDoctor, settingsInForce, type DoctorReport, type PoolSettingsInForce } from './probe/run-doctor';
export { runCommand, CLI_USAGE, type CommandIo } from './command/run-command';
export { parseDoctorArgs, DOCTOR_USAGE, type DoctorArgs, type DoctorOptions } from './options/doctor-options';
export { formatDoctorReport } from './report/format-report';
export { describeModelId, type ModelIdDescription } from './model/describe-model-id';
export { callTiming, type CallTiming, type PhaseValue } from './timing/call-timing';
export { recordRequestTimelines, type RequestTimeline, type TimelineRecorder } from './timing/request-timeline';
export { DoctorError, type DoctorErrorCode } from './errors/doctor-error';
