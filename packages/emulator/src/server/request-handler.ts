import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';

/** A request from either protocol (HTTP/1.1 or HTTP/2 compatibility API). */
export type AnyRequest = IncomingMessage | Http2ServerRequest;
/** A response for either protocol. */
export type AnyResponse = ServerResponse | Http2ServerResponse;
/** The emulator's single request entry point. */
export type RequestHandler = (req: AnyRequest, res: AnyResponse) => void;
