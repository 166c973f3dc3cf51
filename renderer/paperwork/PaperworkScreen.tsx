import type { ReactNode } from 'react';

/** The page frame shared by the paperwork screens (day sheet, confirmation calls). */
export function PaperworkScreen({ children }: { children: ReactNode }) {
  return <div className="fd-rec-screen fd-rec-page fdp-screen">{children}</div>;
}
