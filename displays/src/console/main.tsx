import { render } from 'preact';
import { App } from './app.tsx';
import './styles/index.css';

const root = document.getElementById('app');
if (root === null) throw new Error('The page has no #app element.');

render(<App locale={navigator.language || 'en'} />, root);
