import type { OfferWrite } from '@vitrine/shared';
import { createNumberReader, readList } from './form-numbers.ts';
import type { FieldErrors } from './problem.ts';

export interface OfferForm {
  name: string;
  title: string;
  body: string;
  benefitKind: 'percent' | 'amount' | 'gift';
  /** The percent, the amount, or the gift's description. */
  benefitValue: string;
  currency: string;
  code: string;
  skus: string;
  /** `YYYY-MM-DDTHH:MM` on the marketer's own clock, as a datetime-local input gives it. */
  validFrom: string;
  validUntil: string;
  perCustomer: string;
  total: string;
}

export function emptyOfferForm(): OfferForm {
  return {
    name: '',
    title: '',
    body: '',
    benefitKind: 'percent',
    benefitValue: '',
    currency: 'EUR',
    code: '',
    skus: '',
    validFrom: '',
    validUntil: '',
    perCustomer: '1',
    total: '',
  };
}

/** A wall-clock time of the browser's zone as an instant; blank or unreadable stays as typed. */
function instantOf(local: string, toInstant: (local: string) => Date): string {
  if (local.trim() === '') return local;
  const at = toInstant(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

export type OfferWriteRead = { ok: true; write: OfferWrite } | { ok: false; fields: FieldErrors };

/**
 * The offer the cloud receives. Validity is typed on the marketer's clock and sent as
 * instants, as the offer schema stores them; the rest is the cloud's to check.
 */
export function offerWriteOf(
  form: OfferForm,
  toInstant: (local: string) => Date = (local) => new Date(local),
): OfferWriteRead {
  const numbers = createNumberReader();
  const benefit: OfferWrite['benefit'] =
    form.benefitKind === 'gift'
      ? { kind: 'gift', description: form.benefitValue }
      : form.benefitKind === 'amount'
        ? {
            kind: 'amount',
            amount: numbers.required('benefit.amount', form.benefitValue),
            currency: form.currency,
          }
        : { kind: 'percent', percent: numbers.required('benefit.percent', form.benefitValue) };
  const write: OfferWrite = {
    name: form.name,
    title: form.title,
    body: form.body,
    imageUrl: null,
    products: readList(form.skus).map((sku) => ({ sku })),
    benefit,
    code: form.code.trim() === '' ? null : form.code.trim(),
    validity: {
      from: instantOf(form.validFrom, toInstant),
      until: instantOf(form.validUntil, toInstant),
    },
    redemptionLimit: {
      perCustomer: numbers.required('redemptionLimit.perCustomer', form.perCustomer),
      total: numbers.read('redemptionLimit.total', form.total),
    },
  };
  if (Object.keys(numbers.errors).length > 0) return { ok: false, fields: numbers.errors };
  return { ok: true, write };
}
