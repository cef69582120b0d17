import { useState } from 'preact/hooks';
import { useConsole } from '../components/console-context.ts';
import { Field, FormProblem } from '../components/field.tsx';
import { PagedTable } from '../components/paged-table.tsx';
import { pick } from '../domain/choices.ts';
import { emptyOfferForm, type OfferForm, offerWriteOf } from '../domain/offer-form.ts';
import { useFormProblem } from '../hooks/use-form-problem.ts';
import { usePagedList } from '../hooks/use-paged-list.ts';

const BENEFITS = ['percent', 'amount', 'gift'] as const;

/** What customers get on their phones: the offers, and a new one. */
export function OffersPage({ locale }: { locale: string }) {
  const { api } = useConsole();
  const [creating, setCreating] = useState(false);
  const { page, pager, reload } = usePagedList((cursor) => api.offers(cursor));
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

  if (creating) {
    return (
      <OfferEditor
        onDone={() => {
          setCreating(false);
          reload();
        }}
      />
    );
  }
  return (
    <section>
      <div class="page-head">
        <h1>Offers</h1>
        <button type="button" onClick={() => setCreating(true)}>
          New offer
        </button>
      </div>
      <PagedTable
        page={page}
        pager={pager}
        headers={['Name', 'Title', 'Benefit', 'Valid', 'Code']}
        row={(offer) => (
          <tr key={offer.id} class={offer.archivedAt ? 'archived' : undefined}>
            <td>{offer.name}</td>
            <td>{offer.title}</td>
            <td>
              {offer.benefit.kind === 'percent' && `${offer.benefit.percent}%`}
              {offer.benefit.kind === 'amount' &&
                `${offer.benefit.amount} ${offer.benefit.currency}`}
              {offer.benefit.kind === 'gift' && offer.benefit.description}
            </td>
            <td>
              {date.format(new Date(offer.validity.from))} →{' '}
              {date.format(new Date(offer.validity.until))}
            </td>
            <td>{offer.code ?? '—'}</td>
          </tr>
        )}
      />
    </section>
  );
}

type TextField = Exclude<keyof OfferForm, 'benefitKind'>;

function OfferEditor({ onDone }: { onDone: () => void }) {
  const { api } = useConsole();
  const [form, setForm] = useState(emptyOfferForm);
  const problem = useFormProblem();
  const { errors } = problem;
  const set = (name: TextField) => (e: { currentTarget: HTMLInputElement }) =>
    setForm({ ...form, [name]: e.currentTarget.value });
  const input = (
    name: TextField,
    path: string,
    label: string,
    type: 'text' | 'datetime-local' = 'text',
  ) => (
    <Field label={label} path={path} errors={errors}>
      {type === 'text' ? (
        <input name={path} value={form[name]} onInput={set(name)} />
      ) : (
        <input name={path} type="datetime-local" value={form[name]} onInput={set(name)} />
      )}
    </Field>
  );

  async function save(event: Event) {
    event.preventDefault();
    const read = offerWriteOf(form);
    if (!read.ok) return problem.invalid(read.fields);
    if (problem.accepted(await api.createOffer(read.write))) onDone();
  }

  const benefitPath =
    form.benefitKind === 'gift' ? 'benefit.description' : `benefit.${form.benefitKind}`;
  return (
    <form class="editor" onSubmit={save} noValidate>
      <h1>New offer</h1>
      <FormProblem {...problem} />
      {input('name', 'name', 'Name')}
      {input('title', 'title', 'Title the customer reads')}
      {input('body', 'body', 'Text')}
      <Field label="Benefit" path="benefit.kind" errors={errors}>
        <select
          name="benefit.kind"
          value={form.benefitKind}
          onChange={(e) =>
            setForm({ ...form, benefitKind: pick(BENEFITS, e.currentTarget.value, 'percent') })
          }
        >
          <option value="percent">Percent off</option>
          <option value="amount">Amount off</option>
          <option value="gift">A gift</option>
        </select>
      </Field>
      {input('benefitValue', benefitPath, form.benefitKind === 'gift' ? 'Gift' : 'Value')}
      {form.benefitKind === 'amount' && input('currency', 'benefit.currency', 'Currency')}
      {input('skus', 'products', 'Product SKUs (comma-separated)')}
      {input('code', 'code', 'Code (blank: automatic)')}
      {input('validFrom', 'validity.from', 'Valid from', 'datetime-local')}
      {input('validUntil', 'validity.until', 'Valid until', 'datetime-local')}
      {input('perCustomer', 'redemptionLimit.perCustomer', 'Redemptions per customer')}
      {input('total', 'redemptionLimit.total', 'Redemptions in all (blank: no limit)')}
      <div class="form-actions">
        <button type="submit">Create offer</button>
        <button type="button" class="link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
