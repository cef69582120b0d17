import type { AudiencePreview, StoredSegment } from '@vitrine/shared';
import { useState } from 'preact/hooks';
import { ConditionPicker } from '../components/condition-picker.tsx';
import { useConsole } from '../components/console-context.ts';
import { Field, FormProblem } from '../components/field.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { StoreOptions } from '../components/store-options.tsx';
import { readSegmentRule } from '../domain/segment-rule-text.ts';
import { useFormProblem } from '../hooks/use-form-problem.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';

const EXAMPLE_RULE = JSON.stringify(
  { match: 'all', conditions: [{ field: 'tier', op: 'at-least', value: 'gold' }] },
  null,
  2,
);

/** Saved audiences: their rules, and how many customers each reaches now. */
export function SegmentsPage() {
  const { api } = useConsole();
  const [editing, setEditing] = useState<StoredSegment | 'new' | null>(null);
  const { page, pager, reload } = usePagedList((cursor) => api.segments(cursor));

  if (editing !== null) {
    return (
      <SegmentEditor
        segment={editing === 'new' ? null : editing}
        onDone={() => {
          setEditing(null);
          reload();
        }}
      />
    );
  }
  return (
    <section>
      <div class="page-head">
        <h1>Segments</h1>
        <button type="button" onClick={() => setEditing('new')}>
          New segment
        </button>
      </div>
      <PagedTable
        page={page}
        pager={pager}
        headers={['Name', 'Description', 'Version']}
        row={(segment) => (
          <tr key={segment.id}>
            <td>
              <button type="button" class="link" onClick={() => setEditing(segment)}>
                {segment.name}
              </button>
            </td>
            <td>{segment.description}</td>
            <td>{segment.version}</td>
          </tr>
        )}
      />
    </section>
  );
}

function SegmentEditor({ segment, onDone }: { segment: StoredSegment | null; onDone: () => void }) {
  const { api } = useConsole();
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const [rule, setRule] = useState(segment ? JSON.stringify(segment.rule, null, 2) : EXAMPLE_RULE);
  const [storeId, setStoreId] = useState('');
  const problem = useFormProblem();
  const { errors } = problem;
  const [preview, setPreview] = useState<AudiencePreview | null>(null);

  /** The rule as the schema reads it, or its problems shown under `rule`. */
  function readRule() {
    const read = readSegmentRule(rule);
    if (read.ok) return read.rule;
    const fields: Record<string, string> = {};
    for (const [path, text] of Object.entries(read.fields))
      fields[path === '' ? 'rule' : `rule.${path}`] = text;
    problem.show(fields, 'The rule does not read.');
    return null;
  }

  async function measure() {
    const parsed = readRule();
    if (parsed === null) return;
    const measured = problem.accepted(
      await api.previewAudience({ rule: parsed, storeId: storeId === '' ? undefined : storeId }),
    );
    if (measured) setPreview(measured);
  }

  async function save(event: Event) {
    event.preventDefault();
    const parsed = readRule();
    if (parsed === null) return;
    const write = { name, description, rule: parsed };
    const saved = problem.accepted(
      segment === null
        ? await api.createSegment(write)
        : await api.updateSegment(segment.id, write),
    );
    if (saved) onDone();
  }

  return (
    <form class="editor" onSubmit={save} noValidate>
      <h1>{segment?.name ?? 'New segment'}</h1>
      <FormProblem {...problem} />
      <Field label="Name" path="name" errors={errors}>
        <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </Field>
      <Field label="Description" path="description" errors={errors}>
        <input
          name="description"
          value={description}
          onInput={(e) => setDescription(e.currentTarget.value)}
        />
      </Field>
      <Field
        label="Rule"
        path="rule"
        errors={errors}
        hint="JSON: one group of conditions (all or any), and sub-groups if needed"
      >
        <textarea
          name="rule"
          rows={8}
          value={rule}
          onInput={(e) => setRule(e.currentTarget.value)}
        />
      </Field>
      <ConditionPicker name="rule.add" rule={rule} onRule={setRule} />
      <fieldset class="preview">
        <legend>Audience size</legend>
        <label>
          As read at
          <select
            name="preview.storeId"
            value={storeId}
            onChange={(e) => setStoreId(e.currentTarget.value)}
          >
            <option value="">any store</option>
            <StoreOptions />
          </select>
        </label>
        <button type="button" onClick={measure}>
          Preview audience
        </button>
        {preview && (
          <p class="audience" data-testid="audience-size">
            <strong>{preview.size}</strong> customers match · <strong>{preview.reachable}</strong>{' '}
            may be chosen by profile · <strong>{preview.marketable}</strong> may receive offers
          </p>
        )}
      </fieldset>
      <div class="form-actions">
        <button type="submit">{segment === null ? 'Create segment' : 'Save segment'}</button>
        <button type="button" class="link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
