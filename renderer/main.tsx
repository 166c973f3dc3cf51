import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getFrontdesk } from './bridge';
import { App } from './app/App';

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <App api={getFrontdesk()} />
  </StrictMode>,
);
