import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { ProductCreateBody, ProductPatchBody, StageMoveBody } from '../../contract/products.js';
import { routes } from '../../contract/routes.js';
import { call, isApiError } from './client.js';
import { keys, type ProductDto } from './queries.js';

export type ProductPatch = Omit<z.input<typeof ProductPatchBody>, 'version'>;

export interface UpdateProductVars {
  patch: ProductPatch;
  /** The version the person edited; defaults to the latest known one (for small, merged edits). */
  version?: number;
  /** Show the change before the server confirms it (checklist ticks, archive). */
  optimistic?: boolean;
}

/** What a patch looks like once applied, for optimistic display. */
export function applyPatch(product: ProductDto, patch: ProductPatch): ProductDto {
  return {
    ...product,
    ...(patch.name !== undefined && { name: patch.name }),
    ...(patch.vision !== undefined && { vision: patch.vision }),
    ...(patch.segments !== undefined && {
      segments: patch.segments.map((s) => ({ name: s.name, description: s.description ?? '' })),
    }),
    ...(patch.checklist !== undefined && { checklist: { ...product.checklist, ...patch.checklist } }),
    ...(patch.scoringFrameworks !== undefined && { scoringFrameworks: [...patch.scoringFrameworks] }),
    ...(patch.archived !== undefined && {
      archivedAt: patch.archived ? (product.archivedAt ?? new Date().toISOString()) : null,
    }),
  };
}

function invalidateLists(queryClient: QueryClient, ws: string, id: string) {
  void queryClient.invalidateQueries({ queryKey: keys.productsAll(ws) });
  void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
  void queryClient.invalidateQueries({ queryKey: keys.stages(ws, id) });
}

/**
 * Edits a product with optimistic concurrency. Edits of one product run one after the
 * other, each with the version the previous one produced; a 409 loads the latest state
 * into the cache and is passed to the screen, which tells the person (never overwrites).
 */
export function useUpdateProduct(ws: string, id: string) {
  const queryClient = useQueryClient();
  const key = keys.product(ws, id);
  const mutationKey = ['update-product', ws, id];
  return useMutation({
    mutationKey,
    scope: { id: `product:${ws}:${id}` },
    mutationFn: async (vars: UpdateProductVars) => {
      const version = vars.version ?? queryClient.getQueryData<ProductDto>(key)?.version;
      return call(routes.updateProduct, {
        params: { workspace: ws, id },
        body: vars.patch,
        ...(version !== undefined && { ifMatch: version }),
      });
    },
    onMutate: async (vars) => {
      if (!vars.optimistic) return { previous: undefined };
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ProductDto>(key);
      if (previous) queryClient.setQueryData<ProductDto>(key, applyPatch(previous, vars.patch));
      return { previous };
    },
    onSuccess: (product, vars) => {
      // Keep showing edits that are still on their way.
      const pending = queryClient
        .getMutationCache()
        .findAll({ mutationKey, status: 'pending' })
        .map((m) => m.state.variables as UpdateProductVars | undefined)
        .filter((v): v is UpdateProductVars => v !== undefined && v !== vars && v.optimistic === true);
      queryClient.setQueryData<ProductDto>(
        key,
        pending.reduce((p, v) => applyPatch(p, v.patch), product),
      );
      invalidateLists(queryClient, ws, id);
    },
    onError: (error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      if (isApiError(error, 'version_conflict') && error.current) {
        queryClient.setQueryData(key, error.current as ProductDto);
      }
    },
  });
}

export function useCreateProduct(ws: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof ProductCreateBody>) => call(routes.createProduct, { params: { workspace: ws }, body }),
    onSuccess: (product) => {
      queryClient.setQueryData(keys.product(ws, product.id), product);
      void queryClient.invalidateQueries({ queryKey: keys.productsAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}

export function useMoveStage(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: `product:${ws}:${id}` },
    mutationFn: (body: z.input<typeof StageMoveBody>) => call(routes.moveProductStage, { params: { workspace: ws, id }, body }),
    onSuccess: ({ product }) => {
      queryClient.setQueryData(keys.product(ws, id), product);
      invalidateLists(queryClient, ws, id);
    },
  });
}

export function useDeleteProduct(ws: string, id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // With the version shown, a product someone changed meanwhile is not deleted (409).
    mutationFn: (version: number) => call(routes.deleteProduct, { params: { workspace: ws, id }, ifMatch: version }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: keys.product(ws, id) });
      void queryClient.invalidateQueries({ queryKey: keys.productsAll(ws) });
      void queryClient.invalidateQueries({ queryKey: keys.activityAll(ws) });
    },
  });
}
