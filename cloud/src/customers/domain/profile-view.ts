import type { CustomerProfile, Role } from '@vitrine/shared';

/**
 * What a caller may see of a profile. In-store roles (associates, edge devices) see
 * preferences, notes and history only when the customer consented to profiling; they
 * still see who the customer is, so that a greeting stays possible.
 */
export function viewProfileAs(role: Role, profile: CustomerProfile): CustomerProfile {
  const inStore = role === 'associate' || role === 'edge';
  if (!inStore || profile.consent.profiling) return profile;
  const withheld = { ...profile, preferences: [], notes: '', recentPurchases: [] };
  return profile.recentVisits === undefined ? withheld : { ...withheld, recentVisits: [] };
}
