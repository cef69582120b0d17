/**
 * An HTML card's markup as a document in the player's colours, on a transparent page so
 * that the card's backdrop shows through. The frame that holds it runs no script.
 */
export function cardDocument(html: string): string {
  const style =
    'html{color-scheme:dark;background:transparent;color:#f4efe4;font:4vh/1.4 Georgia,serif}body{margin:0}';
  return `<!doctype html><meta charset="utf-8"><style>${style}</style>${html}`;
}
