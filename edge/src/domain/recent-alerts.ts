/** The last `capacity` items pushed, newest first on read: a fixed-size ring buffer. */
export interface RecentBuffer<T> {
  push(item: T): void;
  newestFirst(): T[];
}

export function createRecentBuffer<T>(capacity = 100): RecentBuffer<T> {
  const slots: T[] = [];
  let next = 0;
  return {
    push(item) {
      if (capacity <= 0) return;
      slots[next] = item;
      next = (next + 1) % capacity;
    },
    newestFirst() {
      const ordered: T[] = [];
      for (let i = 1; i <= slots.length; i++) {
        const item = slots[(next - i + capacity) % capacity];
        if (item !== undefined) ordered.push(item);
      }
      return ordered;
    },
  };
}
