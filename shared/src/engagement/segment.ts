import { z } from 'zod';
import { segmentIdSchema } from '../ids/ids.ts';
import { segmentRuleSchema } from './segment-rules.ts';

/** A named audience a marketer reuses across campaigns and events. */
export const segmentSchema = z.object({
  id: segmentIdSchema,
  name: z.string().trim().min(1).max(120),
  description: z.string().max(1000).default(''),
  rule: segmentRuleSchema,
});
export type Segment = z.infer<typeof segmentSchema>;
export type SegmentInput = z.input<typeof segmentSchema>;
