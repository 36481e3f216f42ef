import { validationError } from '../errors/bedrock-error';
import { constraintError, FOUNDATION_MODEL_FILTERS, type ControlPlaneCatalog } from './control-plane-catalog';
import type { ControlPlaneRoute } from './route-control-plane';

const PROVIDER = /^[A-Za-z0-9- ]{1,63}$/;
const PROFILE_TYPES = ['SYSTEM_DEFINED', 'APPLICATION'] as const;

/** The JSON body of a control-plane answer, after Bedrock's request validation (ValidationException otherwise). */
export function serveControlPlane(route: ControlPlaneRoute, catalog: ControlPlaneCatalog, region: string): unknown {
  const { query } = route;
  if (route.operation === 'ListFoundationModels') {
    const byProvider = query.get('byProvider') ?? undefined;
    if (byProvider !== undefined && !PROVIDER.test(byProvider)) {
      throw constraintError('byProvider', byProvider, 'Member must satisfy regular expression pattern: [A-Za-z0-9- ]{1,63}');
    }
    const filters: Record<string, string | undefined> = { byProvider };
    for (const [field, allowed] of Object.entries(FOUNDATION_MODEL_FILTERS)) {
      const value = query.get(field) ?? undefined;
      if (value !== undefined && !(allowed as readonly string[]).includes(value)) {
        throw constraintError(field, value, `Member must satisfy enum value set: [${allowed.join(', ')}]`);
      }
      filters[field] = value;
    }
    return { modelSummaries: catalog.foundationModels(region, filters) };
  }
  const type = query.get('type') ?? undefined;
  if (type !== undefined && !(PROFILE_TYPES as readonly string[]).includes(type)) {
    throw constraintError('typeEquals', type, `Member must satisfy enum value set: [${PROFILE_TYPES.join(', ')}]`);
  }
  const maxResultsText = query.get('maxResults') ?? undefined;
  const maxResults = maxResultsText === undefined ? 1000 : Number(maxResultsText);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    throw constraintError('maxResults', String(maxResultsText), 'Member must have value between 1 and 1000');
  }
  const all = catalog.inferenceProfiles(region, type as (typeof PROFILE_TYPES)[number] | undefined);
  const start = decodeToken(query.get('nextToken') ?? undefined, all.length);
  const page = all.slice(start, start + maxResults);
  const next = start + maxResults < all.length ? encodeToken(start + maxResults) : undefined;
  return { inferenceProfileSummaries: page, ...(next ? { nextToken: next } : {}) };
}

// The token is opaque to clients; here an offset, so a listing is stable while the catalog is.
function encodeToken(offset: number): string {
  return Buffer.from(`ip:${offset}`, 'utf8').toString('base64url');
}

function decodeToken(token: string | undefined, length: number): number {
  if (token === undefined) return 0;
  const match = /^ip:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  const offset = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(offset) || offset <= 0 || offset >= length) throw validationError('The nextToken is invalid.');
  return offset;
}
