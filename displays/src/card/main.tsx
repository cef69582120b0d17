import { render } from 'preact';
import { App } from './app.tsx';
import './styles/card.css';

const root = document.getElementById('app');
if (root === null) throw new Error('The page has no #app element.');

render(<App locale={navigator.language || 'en'} />, root);

// The app shell is kept by the service worker so the card and its QR open offline.
if ('serviceWorker' in navigator) {
  const base = import.meta.env.BASE_URL;
  navigator.serviceWorker
    .register(`${base}sw.js`, { scope: base })
    .catch((error: unknown) => console.warn('card: no offline copy', error));
}
