import type { CampaignForm } from '../../domain/campaign-form.ts';
import type { FieldErrors } from '../../domain/problem.ts';

/** What every part of the campaign form receives: the form, its errors, and how to change it. */
export interface SectionProps {
  form: CampaignForm;
  errors: FieldErrors;
  /** Applies a change to a copy of the form. */
  update: (change: (draft: CampaignForm) => void) => void;
}
