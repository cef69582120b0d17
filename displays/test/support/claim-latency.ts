import type { Locator } from 'playwright-core';

/**
 * Milliseconds from a tap on one tablet to a text showing on another, both timed inside
 * the browser (one clock for both pages), so that the test runner's own delays in driving
 * the pages do not count against the app.
 */
export async function msFromTapToText(
  tap: Locator,
  shownOn: Locator,
  text: RegExp,
): Promise<number> {
  const shown = shownOn.evaluate(
    (element, source) =>
      new Promise<number>((resolve) => {
        const pattern = new RegExp(source);
        const seen = () => pattern.test(element.textContent ?? '');
        if (seen()) return resolve(Date.now());
        new MutationObserver((_changes, observer) => {
          if (!seen()) return;
          observer.disconnect();
          resolve(Date.now());
        }).observe(element, { subtree: true, childList: true, characterData: true });
      }),
    text.source,
  );
  const tapped = tap.evaluate(
    (element) =>
      new Promise<number>((resolve) =>
        element.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true }),
      ),
  );
  await tap.click();
  return (await shown) - (await tapped);
}
