import { describe, expect, it } from 'vitest';
import { createOrderedAcks, pubackPacket } from './ordered-acks.ts';

describe('ordered acknowledgements', () => {
  it('acknowledges in arrival order, each once kept', () => {
    const sent: number[] = [];
    const acks = createOrderedAcks((id) => sent.push(id));
    const first = acks.arrived(1);
    const second = acks.arrived(2);
    const third = acks.arrived(3);
    third();
    second();
    expect(sent).toEqual([]);
    first();
    expect(sent).toEqual([1, 2, 3]);
    expect(acks.waiting).toBe(0);
  });

  it('holds back what follows a message not kept yet, and only that', () => {
    const sent: number[] = [];
    const acks = createOrderedAcks((id) => sent.push(id));
    acks.arrived(7)();
    const slow = acks.arrived(8);
    acks.arrived(9)();
    expect(sent).toEqual([7]);
    expect(acks.waiting).toBe(2);
    slow();
    expect(sent).toEqual([7, 8, 9]);
  });

  it('acknowledges nothing of a lost connection, not even on the next one', () => {
    const sent: number[] = [];
    const acks = createOrderedAcks((id) => sent.push(id));
    const old = acks.arrived(1);
    acks.reset();
    const fresh = acks.arrived(1);
    old();
    expect(sent).toEqual([]);
    fresh();
    expect(sent).toEqual([1]);
  });

  it('writes a PUBACK as MQTT 3.1.1 frames it', () => {
    expect([...pubackPacket(0x1234)]).toEqual([0x40, 0x02, 0x12, 0x34]);
    expect([...pubackPacket(1)]).toEqual([0x40, 0x02, 0x00, 0x01]);
  });
});
