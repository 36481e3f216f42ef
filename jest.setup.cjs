// The SDK warns once per process that releases after early 2027 need Node 22; bedrock-flow supports Node 20
// now (DESIGN.md section 1), so the warning is known and only clutters test output.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
