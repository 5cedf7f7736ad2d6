/** Facts the app and the relay share about their connection (see docs/protocol.md and docs/security.md). */

/** Websocket close code: the connection sent a change its role does not allow; the app reloads from the relay. */
export const CLOSE_CHANGE_REFUSED = 4409;

/**
 * Websocket close code: the connection's link stopped working, because a facilitator revoked
 * the board's links or the link expired (the close reason says which). Reconnecting cannot help.
 */
export const CLOSE_ACCESS_REVOKED = 4403;
/**
 * Websocket close code: the relay could not store an update (or read the board) because its
 * storage does not answer. Nothing the connection sent since its last stored update was
 * acknowledged or shown to anyone: reconnecting resends it, once the storage is back.
 */
export const CLOSE_STORAGE_UNAVAILABLE = 4503;
export const CLOSE_REASON_STORAGE = 'storage unavailable';

/** Close reasons sent with CLOSE_ACCESS_REVOKED. */
export const CLOSE_REASON_REVOKED = 'access revoked';
export const CLOSE_REASON_EXPIRED = 'link expired';

/** Why a genuine link is refused (HTTP 403, the `error` of an API answer): the app words each one for people. */
export const REFUSAL_REVOKED = 'token revoked';
export const REFUSAL_EXPIRED = 'token expired';
/** Why an id is refused (HTTP 404): the relay has never seen it. */
export const REFUSAL_UNKNOWN_BOARD = 'no such board';

/** Query parameter carrying the browser's writer key on the sync websocket. */
export const WRITER_KEY_PARAM = 'writer';

/**
 * Query parameter carrying the client's Yjs state vector (base64url) on the sync websocket: the
 * relay then sends what the client lacks right after its sync step 1, without waiting for the
 * client's (see docs/protocol.md). Optional: without it the handshake is y-websocket's own.
 */
export const STATE_VECTOR_PARAM = 'sv';

/** Longest STATE_VECTOR_PARAM value a client sends and the relay reads (characters): the address stays short. */
export const MAX_STATE_VECTOR_PARAM_CHARS = 2048;

/** A writer key: 16 random bytes, base64url (22 characters). */
export const WRITER_KEY_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/**
 * Message type of the relay's pushes of KPI values (relay to client only; a client sending it is
 * closed with 1003 like any unknown type): `4, varString JSON` of a `MetricsPush`. Sent only to
 * connections that asked for it with `?news=metrics` in their address: a stock y-websocket
 * provider, which would log every such message as one it cannot read, never receives one.
 */
export const MESSAGE_METRICS = 4;

/** Query parameter by which a client asks for the relay's own messages (`news=metrics`: MESSAGE_METRICS). */
export const NEWS_PARAM = 'news';
export const NEWS_METRICS = 'metrics';
