import { render } from 'preact';
import { screenStorage } from './api/screen-storage.ts';
import { App } from './app.tsx';
import './styles/player.css';

const root = document.getElementById('player');
if (root === null) throw new Error('The page has no #player element.');

render(<App token={screenStorage.takeToken()} />, root);
