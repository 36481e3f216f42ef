import { randomUUID } from 'node:crypto';
import type { Socket } from 'node:net';
import { authenticate, type AuthSettings } from './auth/authenticate';
import { isControlPath } from './control/control-routes';
import { serveControl, type ControlTarget } from './control/serve-control';
import { BedrockError } from './errors/bedrock-error';
import { EventStreamWriter } from './event-stream/event-stream-writer';
import type { FaultController } from './faults/fault-controller';
import { readBody } from './http/read-body';
import type { KnowledgeBaseStore } from './knowledge-base/knowledge-base-store';
import { writeError, writeJson } from './http/write-response';
import { resolveModelFamily } from './models/resolve-model-id';
import type { OperationContext } from './operations/operation-context';
import { OPERATION_HANDLERS } from './operations/operation-handlers';
import { routeRequest, type Route } from './routing/route-request';
import { recordOf } from './server/connection-record';
import type { ConnectionRegistry } from './server/connection-registry';
import type { AnyRequest, AnyResponse } from './server/request-handler';
import { onResponseEnd } from './server/on-response-end';
import { resetConnection } from './server/reset-connection';
import { blackholeConnection } from './server/blackhole-connection';
import { waitUnlessClosed } from './server/wait-unless-closed';
import { bodyForLog } from './script/body-for-log';
import type { RequestLog, UnnumberedRequestView } from './script/request-log';
import type { ScriptRegistry } from './script/script-registry';
import { bump, type StatsRecorder } from './stats/stats-recorder';
import type { ModelRequestView } from './types';
import type { ControlPlaneCatalog } from './control-plane/control-plane-catalog';
import type { ControlPlaneRoute } from './control-plane/route-control-plane';
import { serveControlPlane } from './control-plane/serve-control-plane';
import { signingRegionOf } from './control-plane/signing-region';

/** A route served by an operation handler (model, guardrail or knowledge base). */
type ModelRoute = Exclude<Route, { kind: 'health' } | { kind: 'unknown' } | ControlPlaneRoute>;

/** The id a route names: the model, the guardrail, or the knowledge base (`''` for RetrieveAndGenerate and AgenticRetrieveStream, whose ids are in the body). */
function resourceIdOf(route: ModelRoute): string {
  if (route.kind === 'model') return route.modelId;
  return route.kind === 'guardrail' ? route.guardrailId : route.knowledgeBaseId;
}

/** The `family` of a route's log entries: the model's, `guardrail`, or `knowledge-base`. */
function familyOf(route: ModelRoute): string {
  if (route.kind === 'model') return resolveModelFamily(route.modelId) ?? 'unknown';
  return route.kind === 'guardrail' ? 'guardrail' : 'knowledge-base';
}

/** Settings and collaborators of the request pipeline. */
export interface EmulatorCoreDeps {
  stats: StatsRecorder;
  registry: ConnectionRegistry;
  faults: FaultController;
  scripts: ScriptRegistry;
  log: RequestLog;
  auth: AuthSettings;
  serverDelayMs: number;
  streamChunkDelayMs: number;
  /** Told about each connection the blackhole fault silenced (the proxy, when in front, drops its flow too). */
  onBlackhole?: (rawSocket: Socket) => void;
  /** The emulated knowledge bases (Retrieve, RetrieveAndGenerate). */
  knowledgeBases: KnowledgeBaseStore;
  /** Serves `/__emulator/*` when set (the `control` option); otherwise those paths are unknown routes. */
  control?: ControlTarget;
  /** The control plane's models and profiles (option `catalog`). */
  catalog: ControlPlaneCatalog;
  /** Option `enforceInferenceProfiles`. */
  enforceInferenceProfiles: boolean;
}

/**
 * The request pipeline: count -> read body -> route -> authenticate -> faults -> operation.
 * Every failure becomes a Bedrock-shaped error response.
 */
export class EmulatorCore {
  constructor(private readonly deps: EmulatorCoreDeps) {}

  /** Entry point for both HTTP/1.1 and HTTP/2 requests. */
  readonly handle = (req: AnyRequest, res: AnyResponse): void => {
    const { stats, registry, faults, control } = this.deps;
    // Reading the counters must not move them: control requests are not counted or logged.
    if (control && isControlPath(req.url ?? '/')) {
      serveControl(req, res, control);
      return;
    }
    const record = recordOf(req.socket);
    stats.requestStarted();
    registry.requestStarted(record);
    if (req.httpVersionMajor === 1) stats.live.http1.requests += 1;
    onResponseEnd(res, () => {
      stats.requestFinished();
      registry.requestFinished(record, faults.current.idleCloseMs, () => faults.idleClosed());
    });
    const requestId = randomUUID();
    this.process(req, res, requestId).catch((error: unknown) => {
      const bedrockError =
        error instanceof BedrockError
          ? error
          : new BedrockError('InternalServerException', 500, 'The server encountered an internal error while processing the request.');
      try {
        this.fail(res, requestId, bedrockError);
      } catch {
        // The peer is gone (stream reset, socket destroyed): nothing left to answer.
      }
    });
  };

  private fail(res: AnyResponse, requestId: string, error: BedrockError): void {
    if (res.headersSent || res.destroyed) return;
    this.deps.stats.live.requests.errors += 1;
    writeError(res, requestId, error);
  }

  private async process(req: AnyRequest, res: AnyResponse, requestId: string): Promise<void> {
    const { stats } = this.deps;
    const startedAt = Date.now();
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const rawUrl = req.url ?? '/';
    const route = routeRequest(method, rawUrl);
    if (route.kind === 'health' || route.kind === 'unknown') {
      stats.live.requests.nonModel += 1;
      if (route.kind === 'health') {
        writeJson(res, 200, requestId, { status: 'ok', service: 'bedrock-runtime-emulator' }, route.headOnly);
        return;
      }
      this.fail(res, requestId, new BedrockError('UnknownOperationException', 404, `No operation matches ${method} ${rawUrl.split('?')[0]}.`));
      return;
    }

    try {
      const principal = await authenticate({ method, rawUrl, headers: req.headers, body }, this.deps.auth);
      bump(stats.live.auth.byAccessKeyId, principal);
    } catch (error) {
      stats.live.auth.failures += 1;
      throw error;
    }

    bump(stats.live.requests.byOperation, route.operation);
    if (route.kind === 'control-plane') {
      await this.serveControlPlane(route, req, res, requestId);
      return;
    }
    const modelId = resourceIdOf(route);
    if (route.kind === 'model') bump(stats.live.requests.byModel, modelId);

    if (!(await this.applyFaults(route.operation, req, res))) return;

    const handler = OPERATION_HANDLERS[route.operation];
    if (!handler) throw new BedrockError('UnknownOperationException', 404, `${route.operation} is not supported by the emulator.`);
    const logged: { entry?: ModelRequestView } = {};
    try {
      // Profile-only models by their bare id, as Bedrock answers them (option `enforceInferenceProfiles`).
      if (this.deps.enforceInferenceProfiles && route.kind === 'model' && route.operation !== 'CountTokens') {
        this.deps.catalog.checkInvocation(route.modelId, signingRegionOf(req.headers));
      }
      await handler(this.context(route, req, res, requestId, body, startedAt, logged));
    } catch (error) {
      // A request the operation rejected (e.g. a Titan body sent to a Cohere model) is logged too, with its error name.
      const name = error instanceof BedrockError ? error.code : 'InternalServerException';
      if (logged.entry) logged.entry.error = name;
      else this.deps.log.add({ ...this.identity(route, requestId), body: bodyForLog(body), error: name });
      throw error;
    }
  }

  /** ListFoundationModels / ListInferenceProfiles for the signing region, after the faults that apply to them. */
  private async serveControlPlane(route: ControlPlaneRoute, req: AnyRequest, res: AnyResponse, requestId: string): Promise<void> {
    if (!(await this.applyFaults(route.operation, req, res))) return;
    writeJson(res, 200, requestId, serveControlPlane(route, this.deps.catalog, signingRegionOf(req.headers)));
  }

  /**
   * The faults and delay decided for `operation`: `false` when the request must not be served (the connection was
   * reset or blackholed, or closed during the delay); throws the injected error, if any.
   */
  private async applyFaults(operation: Parameters<FaultController['decide']>[0], req: AnyRequest, res: AnyResponse): Promise<boolean> {
    const decision = this.deps.faults.decide(operation);
    if (decision.reset) {
      resetConnection(req.socket);
      return false;
    }
    if (decision.blackhole) {
      // The response is left open on purpose: close() destroys the connection, which settles it.
      const raw = blackholeConnection(req.socket);
      if (raw) this.deps.onBlackhole?.(raw);
      return false;
    }
    const delay = this.deps.serverDelayMs + (decision.firstByteDelayMs ?? 0);
    if (delay > 0 && !(await waitUnlessClosed(res, delay))) return false;
    if (decision.error) throw decision.error;
    return true;
  }

  /** The fields every request log entry of this route starts with. */
  private identity(route: ModelRoute, requestId: string): Omit<UnnumberedRequestView, 'body'> {
    return { requestId, operation: route.operation, modelId: resourceIdOf(route), family: familyOf(route) };
  }

  private context(
    route: ModelRoute,
    req: AnyRequest,
    res: AnyResponse,
    requestId: string,
    body: Buffer,
    startedAt: number,
    logged: { entry?: ModelRequestView },
  ): OperationContext {
    const modelId = resourceIdOf(route);
    const family = route.kind === 'model' ? resolveModelFamily(modelId) : undefined;
    const { log, scripts, faults, streamChunkDelayMs, knowledgeBases } = this.deps;
    return {
      operation: route.operation,
      req,
      res,
      requestId,
      modelId,
      family,
      ...(route.kind === 'guardrail' ? { guardrailVersion: route.guardrailVersion } : {}),
      body,
      knowledgeBases,
      startedAt,
      observe: (view) => {
        const entry = log.add({ ...this.identity(route, requestId), ...view });
        logged.entry = entry;
        return scripts.replyFor(entry);
      },
      openEventStream: () => new EventStreamWriter(req, res, streamChunkDelayMs, faults.streamPlan(route.operation)),
      generationPace: () => faults.pace(route.operation),
      hold: (ms) => (ms > 0 ? waitUnlessClosed(res, ms) : Promise.resolve(!res.destroyed)),
    };
  }
}
