import type {
  PresenceSink,
  SourceSighting,
} from '../../../src/presence/sources/presence-source.ts';

/** A sink that keeps everything a source delivers, for assertions. */
export function recordingSink() {
  const sightings: SourceSighting[] = [];
  const statuses: { receiverId: string; online: boolean; at: number }[] = [];
  const drops: { reason: string; detail: string }[] = [];
  const sink: PresenceSink = {
    sighting: (sighting) => sightings.push(sighting),
    receiverStatus: (receiverId, online, at) => statuses.push({ receiverId, online, at }),
    dropped: (reason, detail) => drops.push({ reason, detail }),
  };
  return { sink, sightings, statuses, drops };
}

export type RecordingSink = ReturnType<typeof recordingSink>;
