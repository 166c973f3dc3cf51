import { useState } from 'react';
import { Tabs, type TabDef } from '../patients/common/Tabs';
import { Dialog, Notice } from '../ui';
import { CategoryEditor } from './CategoryEditor';
import type { TaskMeta } from './names';
import { StatusEditor } from './StatusEditor';
import { TemplateEditor } from './TemplateEditor';

type Section = 'categories' | 'statuses' | 'templates';
const sections: TabDef<Section>[] = [
  { key: 'categories', label: 'Categories' },
  { key: 'statuses', label: 'Statuses' },
  { key: 'templates', label: 'Templates' },
];

/** The practice's task categories, statuses and templates (changed online, for every workstation). */
export function TaskSettingsDialog({
  meta,
  onChanged,
  onClose,
}: {
  meta: TaskMeta;
  onChanged: () => void;
  onClose: () => void;
}) {
  const [section, setSection] = useState<Section>('categories');
  return (
    <Dialog
      open
      title="Task categories, statuses and templates"
      onClose={onClose}
      className="fd-rec-wide-dialog"
    >
      <Notice kind="info" live={false}>
        These are shared by the whole practice and saved at drchrono straight away (they need a
        connection). drchrono has no delete for them: archive one to hide it.
      </Notice>
      <Tabs label="Task settings" tabs={sections} selected={section} onSelect={setSection}>
        {section === 'categories' ? (
          <CategoryEditor categories={meta.categories} onChanged={onChanged} />
        ) : null}
        {section === 'statuses' ? (
          <StatusEditor
            statuses={meta.statuses}
            categories={meta.categories}
            onChanged={onChanged}
          />
        ) : null}
        {section === 'templates' ? <TemplateEditor meta={meta} onChanged={onChanged} /> : null}
      </Tabs>
    </Dialog>
  );
}
