import type { ReactNode } from 'react';
import { orDash } from './format';

export type Fact = [label: string, value: ReactNode];

/** A labelled list of values (a definition list, so screen readers pair each label with its value). */
export function Facts({ facts, title }: { facts: readonly Fact[]; title?: string }) {
  return (
    <section className="fd-rec-facts" aria-label={title}>
      {title ? <h3 className="fd-rec-facts__title">{title}</h3> : null}
      <dl>
        {facts.map(([label, value]) => (
          <div key={label} className="fd-rec-facts__row">
            <dt>{label}</dt>
            <dd>
              {typeof value === 'string' || value === null || value === undefined
                ? orDash(value)
                : value}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
