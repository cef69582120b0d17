/**
 * The floor plan the simulator walks people through: rectangular zones that tile the
 * store, receivers at positions, a door. Metres, origin at a corner.
 */
export interface SimZone {
  id: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface SimReceiver {
  id: string;
  zoneId: string;
  x: number;
  y: number;
  /** RSSI at 1 m of the device–receiver link. */
  measuredPower: number;
}

export interface SimStore {
  zones: readonly SimZone[];
  receivers: readonly SimReceiver[];
  door: { x: number; y: number };
}

export interface Point {
  x: number;
  y: number;
}

/** A boutique of 28 × 12 m: entrance and counter at the front, the floor, fitting rooms and a lounge. */
export function demoStore(prefix = 'zon_demo'): SimStore {
  const zone = (name: string, x0: number, y0: number, x1: number, y1: number) => ({
    id: `${prefix}-${name}`,
    x0,
    y0,
    x1,
    y1,
  });
  const zones = [
    zone('entrance', 0, 0, 8, 6),
    zone('counter', 0, 6, 8, 12),
    zone('floor', 8, 0, 20, 12),
    zone('fitting', 20, 0, 28, 6),
    zone('lounge', 20, 6, 28, 12),
  ];
  const receiver = (id: string, name: string, x: number, y: number) => ({
    id,
    zoneId: `${prefix}-${name}`,
    x,
    y,
    measuredPower: -59,
  });
  return {
    zones,
    receivers: [
      receiver('node-entrance', 'entrance', 4, 3),
      receiver('node-counter', 'counter', 4, 9),
      receiver('node-floor-west', 'floor', 11, 6),
      receiver('node-floor-east', 'floor', 17, 6),
      receiver('node-fitting', 'fitting', 24, 3),
      receiver('node-lounge', 'lounge', 24, 9),
    ],
    door: { x: 0, y: 3 },
  };
}

/** The zone containing a point; boundaries belong to the zone on their high side. */
export function zoneAt(store: SimStore, { x, y }: Point): string | null {
  for (const zone of store.zones) {
    if (x >= zone.x0 && x < zone.x1 && y >= zone.y0 && y < zone.y1) return zone.id;
  }
  // The door sits on the store's edge: the zone it opens into.
  for (const zone of store.zones) {
    if (x >= zone.x0 && x <= zone.x1 && y >= zone.y0 && y <= zone.y1) return zone.id;
  }
  return null;
}

/** One straight piece of a walk (or a stay, when both ends are the same point). */
export interface PathSegment {
  from: number;
  to: number;
  start: Point;
  end: Point;
}

/** Where someone following the path is at time t (null outside the visit). */
export function positionAt(path: readonly PathSegment[], t: number): Point | null {
  for (const segment of path) {
    if (t < segment.from || t > segment.to) continue;
    const span = segment.to - segment.from;
    const f = span === 0 ? 0 : (t - segment.from) / span;
    return {
      x: segment.start.x + (segment.end.x - segment.start.x) * f,
      y: segment.start.y + (segment.end.y - segment.start.y) * f,
    };
  }
  return null;
}

export interface Stop {
  at: Point;
  stayMs: number;
}

/** From the door through each stop (walking, then staying) and back out by the door. */
export function walkPath(
  door: Point,
  stops: readonly Stop[],
  arrivesAt: number,
  speedMps: number,
): PathSegment[] {
  const path: PathSegment[] = [];
  let t = arrivesAt;
  let here = door;
  const walkTo = (there: Point) => {
    const ms = (Math.hypot(there.x - here.x, there.y - here.y) / speedMps) * 1000;
    path.push({ from: t, to: t + ms, start: here, end: there });
    t += ms;
    here = there;
  };
  for (const stop of stops) {
    walkTo(stop.at);
    path.push({ from: t, to: t + stop.stayMs, start: here, end: here });
    t += stop.stayMs;
  }
  walkTo(door);
  return path;
}
