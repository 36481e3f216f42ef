import { BedrockError } from '../errors/bedrock-error';
import type { AnyRequest } from '../server/request-handler';

/** Largest request body accepted (Bedrock's own limit is far lower for most models). */
export const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Reads the whole request body; rejects when it exceeds {@link MAX_BODY_BYTES} or the peer goes away. */
export function readBody(req: AnyRequest): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BedrockError('ValidationException', 400, `The request body is larger than ${MAX_BODY_BYTES} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    req.once('aborted', () => reject(new Error('request aborted')));
  });
}
