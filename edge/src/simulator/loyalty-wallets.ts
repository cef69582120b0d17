import { type AppKeyPair, createAppKeyPair, createProof, issuedPassSchema } from '@vitrine/shared';

/** A simulated customer's phone: its own key pair and the pass the cloud issued to it. */
export interface LoyaltyWallet {
  customerId: string;
  app: AppKeyPair;
  pass: string;
  passId: string;
}

export interface EnrolWalletsOptions {
  cloudUrl: string;
  /** An admin's (or a home-store associate's) token: it may enrol these customers' apps. */
  token: string;
  customerIds: readonly string[];
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
}

/**
 * Enrols one app per customer as a store would: a key pair made on the phone, a pass
 * obtained from `POST /v1/passes`. A customer the cloud refuses is reported, not fatal.
 */
export async function enrolWallets({
  cloudUrl,
  token,
  customerIds,
  fetch = globalThis.fetch,
  timeoutMs = 5000,
}: EnrolWalletsOptions): Promise<{ wallets: Map<string, LoyaltyWallet>; refused: string[] }> {
  const wallets = new Map<string, LoyaltyWallet>();
  const refused: string[] = [];
  for (const customerId of new Set(customerIds)) {
    const app = await createAppKeyPair();
    const response = await fetch(new URL('/v1/passes', cloudUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ customerId, appPublicKey: app.publicJwk }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body: unknown = await response.json().catch(() => null);
    const issued = issuedPassSchema.safeParse(body);
    if (response.status !== 201 || !issued.success) {
      refused.push(`${customerId}: HTTP ${response.status}`);
      continue;
    }
    wallets.set(customerId, {
      customerId,
      app,
      pass: issued.data.pass,
      passId: issued.data.passId,
    });
  }
  return { wallets, refused };
}

/** The pass and a fresh proof for this store, as the app shows them at a check-in. */
export async function presentWallet(
  wallet: LoyaltyWallet,
  storeId: string,
  at: Date,
): Promise<{ pass: string; proof: string }> {
  const proof = await createProof({
    pass: wallet.pass,
    appPrivateKey: wallet.app.privateKey,
    storeId,
    now: at,
  });
  return { pass: wallet.pass, proof };
}
