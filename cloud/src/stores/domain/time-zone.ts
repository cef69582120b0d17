/**
 * True for a time zone name the runtime's ICU data knows (Asia/Tokyo, Europe/Paris).
 * Intl.DateTimeFormat throws a RangeError for anything else.
 */
export function isIanaTimeZone(name: string): boolean {
  if (name.trim() === '') return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
