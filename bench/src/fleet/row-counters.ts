/** What a row's server side counted since its last reset. */
export interface RowCounters {
  /** TCP connections accepted for this row. */
  connections: number;
  /** TLS handshakes completed for this row. */
  tlsHandshakes: number;
  /** HTTP/2 sessions opened for this row. */
  http2Sessions: number;
  /** Connections open right now. */
  openConnections: number;
  /** Requests answered, and those answered with an error status (-1 where the row shares its emulator). */
  requests: number;
  errorResponses: number;
  /** How the figures were obtained, for the report. */
  source: 'emulator' | 'proxy';
}
