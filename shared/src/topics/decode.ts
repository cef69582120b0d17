import { MAX_PAYLOAD_BYTES } from '../envelope/envelope.ts';
import type { ErrorCode } from '../errors/error-codes.ts';
import { TOPICS, type TopicName, type TopicParams, type TopicPayload } from './topic-map.ts';
import { parseTopic } from './topics.ts';

export type Decoded = {
  [N in TopicName]: { ok: true; name: N; params: TopicParams<N>; payload: TopicPayload<N> };
}[TopicName];

export interface Rejected {
  ok: false;
  reason: ErrorCode;
  /** Human-readable detail for the log: which field, how large, which store. */
  detail: string;
  topic: string;
}

export type DecodeResult = Decoded | Rejected;

export interface DecodeOptions {
  maxBytes?: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function hasEnvelopeStore(value: unknown): value is { store: string } {
  return typeof value === 'object' && value !== null && 'store' in value;
}

/**
 * The one gate every MQTT message passes: topic, size, JSON, shape, and — for envelope
 * topics — that the envelope's store is the store in the topic. Never throws.
 */
export function decodeMessage(
  topic: string,
  payload: Uint8Array,
  { maxBytes = MAX_PAYLOAD_BYTES }: DecodeOptions = {},
): DecodeResult {
  const parsedTopic = parseTopic(topic);
  if (!parsedTopic)
    return { ok: false, reason: 'unknown_topic', detail: 'not a Vitrine topic', topic };
  if (payload.byteLength > maxBytes) {
    return {
      ok: false,
      reason: 'payload_too_large',
      detail: `${payload.byteLength} bytes > ${maxBytes}`,
      topic,
    };
  }
  const definition: { format?: 'json' | 'text' } = TOPICS[parsedTopic.name];
  let json: unknown;
  try {
    const text = utf8.decode(payload);
    json = definition.format === 'text' ? text : JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'invalid_json', detail, topic };
  }
  if (typeof json === 'object' && json !== null && 'v' in json && json.v !== 1) {
    return { ok: false, reason: 'unsupported_version', detail: `v=${String(json.v)}`, topic };
  }
  const result = TOPICS[parsedTopic.name].payload.safeParse(json);
  if (!result.success) {
    const detail = result.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    return { ok: false, reason: 'invalid_message', detail, topic };
  }
  const params: Record<string, string> = parsedTopic.params;
  if (
    params.store !== undefined &&
    hasEnvelopeStore(result.data) &&
    result.data.store !== params.store
  ) {
    return {
      ok: false,
      reason: 'wrong_store',
      detail: `envelope store ${result.data.store} ≠ topic store ${params.store}`,
      topic,
    };
  }
  return {
    ok: true,
    name: parsedTopic.name,
    params: parsedTopic.params,
    payload: result.data,
  } as Decoded;
}
