import type { ProductCard } from '@vitrine/shared';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db/database.ts';
import { products } from '../db/schema-content.ts';

export interface NewProduct extends ProductCard {
  organisationId: string;
}

export interface ProductRepository {
  /** The product's card as its code carries it; null for a SKU the organisation does not sell. */
  findCard(organisationId: string, sku: string): Promise<ProductCard | null>;
  insertProducts(rows: NewProduct[]): Promise<void>;
}

export function createProductRepository(db: Database): ProductRepository {
  return {
    async findCard(organisationId, sku) {
      const [row] = await db
        .select({
          sku: products.sku,
          name: products.name,
          category: products.category,
          price: products.price,
          currency: products.currency,
        })
        .from(products)
        .where(and(eq(products.organisationId, organisationId), eq(products.sku, sku)));
      return row ?? null;
    },
    async insertProducts(rows) {
      if (rows.length > 0) await db.insert(products).values(rows);
    },
  };
}
