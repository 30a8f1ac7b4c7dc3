import type { useUpdateProduct } from '../../../api/product-mutations.js';

export type ProductUpdate = ReturnType<typeof useUpdateProduct>;
