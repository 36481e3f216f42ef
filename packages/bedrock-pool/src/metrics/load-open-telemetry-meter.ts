/**
 * The OpenTelemetry meter `name` from `@opentelemetry/api` when the host has it (an optional peer dependency of
 * every bedrock-flow package that reports metrics), or `undefined` when the package is absent. `M` is the slice of
 * the Meter API the caller uses, so no package needs `@opentelemetry/api`'s types at build time.
 */
export async function loadOpenTelemetryMeter<M>(name: string): Promise<M | undefined> {
  let api: { metrics: { getMeter(meterName: string): M } };
  try {
    // A variable specifier keeps bundlers from making the optional peer a hard dependency.
    const specifier = '@opentelemetry/api';
    api = (await import(specifier)) as typeof api;
  } catch {
    return undefined;
  }
  return api.metrics.getMeter(name);
}
