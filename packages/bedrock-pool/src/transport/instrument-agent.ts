import type { Agent, ClientRequest } from 'node:http';
import type { Socket } from 'node:net';
import type { MetricsRecorder } from '../metrics/metrics-recorder';
import { observeSocket } from './observe-socket';

type CreateConnection = (this: Agent, options: object, callback?: (error: Error | null, socket: Socket) => void) => Socket;
type AddRequest = (this: Agent, request: ClientRequest, options: object) => void;

/**
 * Hooks an agent: `createConnection` sees every new socket (also proxy-tunnelled ones) and
 * `addRequest` every request, whose `socket` event tells whether it got a socket that already served one.
 * (`reuseSocket` alone misses requests that waited in the queue for a freed socket.)
 */
export function instrumentAgent<T extends Agent>(agent: T, recorder: MetricsRecorder): T {
  const target = agent as unknown as { createConnection: CreateConnection; addRequest: AddRequest };
  const createConnection = target.createConnection;
  const addRequest = target.addRequest;
  const served = new WeakSet<Socket>();
  const observed = new WeakSet<Socket>();
  const observe = (socket: Socket | undefined) => {
    if (!socket || observed.has(socket)) return;
    observed.add(socket);
    observeSocket(socket, recorder);
  };
  target.createConnection = function instrumentedCreateConnection(options, callback) {
    // Sockets arrive either as the return value or, for asynchronous agents (proxy tunnels), via the callback.
    const socket = createConnection.call(this, options, (error, created) => {
      if (!error) observe(created);
      callback?.(error, created);
    });
    observe(socket);
    return socket;
  };
  const onSocket = function onRequestSocket(socket: Socket) {
    if (served.has(socket)) recorder.add('requestsOnReusedConnections');
    else served.add(socket);
  };
  target.addRequest = function instrumentedAddRequest(request, options) {
    // One listener function per agent, not a closure (and once-wrapper) per request: 'socket' fires once per request.
    request.on('socket', onSocket);
    return addRequest.call(this, request, options);
  };
  return agent;
}
