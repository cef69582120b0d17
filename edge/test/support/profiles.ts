/** The profile fixtures are shared with the decision engine's tests in shared. */
export * from '../../../shared/test/support/profiles.ts';
