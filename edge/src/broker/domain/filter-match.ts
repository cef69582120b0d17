/**
 * Whether an MQTT topic matches a subscription filter: `+` stands for one level, a last
 * `#` for any number (the parent level included). Wildcards at the first level never
 * match a `$` topic (the broker's own), as MQTT 3.1.1 §4.7.2 says.
 */
export function matchesFilter(filter: string, topic: string): boolean {
  const wanted = filter.split('/');
  const levels = topic.split('/');
  if (topic.startsWith('$') && (wanted[0] === '+' || wanted[0] === '#')) return false;
  for (let i = 0; i < wanted.length; i++) {
    const level = wanted[i];
    if (level === '#') return i === wanted.length - 1;
    if (i >= levels.length) return false;
    if (level !== '+' && level !== levels[i]) return false;
  }
  return wanted.length === levels.length;
}
