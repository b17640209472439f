import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './ui/app/app.css';
import { App } from './ui/app/App.tsx';
import './ui/present/present.css';
import './ui/share/share.css';
import { persistence } from './store/scenario-store.ts';
import { modeFromSearch } from './ui/present/mode.ts';
import { registerServiceWorker } from './ui/share/offline.ts';
import { openFromLocation, watchLocation } from './ui/share/open-link.ts';

// An embedded view never saves: it must not overwrite the reader's own work in the app.
if (modeFromSearch(window.location.search) === 'embed') persistence.enabled = false;
// A share link in the address opens before the first paint (its codec loads only then).
await openFromLocation();
watchLocation();
registerServiceWorker();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
