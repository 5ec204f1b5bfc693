// The portal's product routes: a company's products, their states and images.
import { json, jsonBody, problem, signedInApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { plainText } from '../../lib/plain-text.ts';
import { ProductInputSchema } from '../../portal/product-schemas.ts';
import { changeProductState, createProduct, editProduct, listProducts, viewProduct } from '../../services/portal-products.ts';
import { addImage, listImages, removeImage, type ImageDeps } from '../../services/product-images.ts';
import { InvalidInputError } from '../../errors.ts';
import { MAX_UPLOAD_BYTES } from '../../images/process.ts';
import type { SessionEnv } from '../session.ts';
import { Slug } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Not a member of this company'), 404: problem('No such company or product') };

const CompanyParam = z.object({ slug: Slug });
const ProductParam = z.object({ slug: Slug, product: Slug });
const ImageParam = ProductParam.extend({ position: z.coerce.number().int().min(0).max(7) });
const ProductView = z.object({
  slug: z.string(), status: z.string(), rejectionReason: z.string().nullable(),
  product: z.object({}).passthrough(),
  images: z.array(z.object({}).passthrough()).openapi({ description: 'The images as published (or as they are, when not published)' }),
  pendingRevision: z.object({}).passthrough().nullable()
    .openapi({ description: 'The edit waiting for review: its product and, when it changes them, its images (else null)' }),
}).openapi('PortalProduct');
const Images = z.object({
  images: z.array(z.object({}).passthrough()),
  staged: z.boolean().openapi({ description: 'True when the list is a published product\'s edit waiting for review: the public sees the published images until staff approve' }),
});
const Upload = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'JPEG, PNG or WebP, at most 10 MB' }),
  altEn: plainText(200).optional(),
  altKo: plainText(200).optional(),
});

export const productRoutes = {
  list: createRoute({
    method: 'get', path: '/companies/{slug}/products', tags: ['Portal'], summary: 'The company\'s products, newest change first',
    request: { params: CompanyParam }, responses: { 200: json(z.object({ products: z.array(z.object({}).passthrough()) }), 'Products'), ...denied },
  }),
  create: createRoute({
    method: 'post', path: '/companies/{slug}/products', tags: ['Portal'], summary: 'Register a product (as a draft)',
    request: { params: CompanyParam, ...jsonBody(ProductInputSchema) },
    responses: { 201: json(ProductView, 'The draft'), 400: problem('Invalid product'), ...denied },
  }),
  view: createRoute({
    method: 'get', path: '/companies/{slug}/products/{product}', tags: ['Portal'], summary: 'A product with its state and any edit waiting for review',
    request: { params: ProductParam }, responses: { 200: json(ProductView, 'The product'), ...denied },
  }),
  edit: createRoute({
    method: 'put', path: '/companies/{slug}/products/{product}', tags: ['Portal'],
    summary: 'Edit a product; a published one keeps its published text until staff approve the edit',
    request: { params: ProductParam, ...jsonBody(ProductInputSchema) },
    responses: { 200: json(ProductView, 'The product'), 400: problem('Invalid product'), 409: problem('Not editable in this state'), ...denied },
  }),
  submit: createRoute({
    method: 'post', path: '/companies/{slug}/products/{product}/submit', tags: ['Portal'], summary: 'Submit for review',
    request: { params: ProductParam }, responses: { 200: json(ProductView, 'Submitted'), 409: problem('Not in a state that can be submitted'), ...denied },
  }),
  withdraw: createRoute({
    method: 'post', path: '/companies/{slug}/products/{product}/withdraw', tags: ['Portal'], summary: 'Withdraw from review, or from the hall',
    request: { params: ProductParam }, responses: { 200: json(ProductView, 'Withdrawn'), 409: problem('Not in a state that can be withdrawn'), ...denied },
  }),
  images: createRoute({
    method: 'get', path: '/companies/{slug}/products/{product}/images', tags: ['Portal'], summary: 'The product\'s images as the company edits them (a published product\'s waiting edit, if it changes them)',
    request: { params: ProductParam }, responses: { 200: json(Images, 'Images'), ...denied },
  }),
  upload: createRoute({
    method: 'post', path: '/companies/{slug}/products/{product}/images', tags: ['Portal'],
    summary: 'Add an image (multipart/form-data, field "file"): re-encoded to AVIF, WebP and JPEG, metadata stripped. On a published product it joins the edit waiting for review (staged: true)',
    request: { params: ProductParam, body: { required: true, content: { 'multipart/form-data': { schema: Upload } } } },
    responses: { 201: json(z.object({}).passthrough(), 'The stored image'), 400: problem('Not an acceptable image'), 409: problem('Eight images already'), 413: problem('Too large'), ...denied },
  }),
  removeImage: createRoute({
    method: 'delete', path: '/companies/{slug}/products/{product}/images/{position}', tags: ['Portal'],
    summary: 'Remove an image; on a published product the removal joins the edit waiting for review',
    request: { params: ImageParam }, responses: { 200: json(Images, 'Images left'), 409: problem('Waiting for review'), ...denied },
  }),
};

export function registerProductRoutes(portal: OpenAPIHono<SessionEnv>, deps: ImageDeps) {
  portal.openapi(productRoutes.list, async (c) => c.json(await listProducts(deps, c.req.valid('param').slug, c.var.user), 200));
  portal.openapi(productRoutes.create, async (c) => c.json(await createProduct(deps, c.req.valid('param').slug, c.var.user, c.req.valid('json')), 201));
  portal.openapi(productRoutes.view, async (c) => {
    const p = c.req.valid('param');
    return c.json(await viewProduct(deps, p.slug, p.product, c.var.user), 200);
  });
  portal.openapi(productRoutes.edit, async (c) => {
    const p = c.req.valid('param');
    return c.json(await editProduct(deps, p.slug, p.product, c.var.user, c.req.valid('json')), 200);
  });
  for (const action of ['submit', 'withdraw'] as const) {
    portal.openapi(productRoutes[action], async (c) => {
      const p = c.req.valid('param');
      return c.json(await changeProductState(deps, p.slug, p.product, c.var.user, action), 200);
    });
  }
  portal.openapi(productRoutes.images, async (c) => {
    const p = c.req.valid('param');
    return c.json(await listImages(deps, p.slug, p.product, c.var.user), 200);
  });
  portal.openapi(productRoutes.upload, async (c) => {
    const p = c.req.valid('param');
    const form = c.req.valid('form');
    const file = form.file;
    if (!(file instanceof File)) throw new InvalidInputError('Attach the image as the form field "file".', { code: 'no-file' });
    if (file.size > MAX_UPLOAD_BYTES) throw new InvalidInputError('The image is larger than 10 MB.', { code: 'too-large' });
    const bytes = new Uint8Array(await file.arrayBuffer());
    const alt = { en: typeof form.altEn === 'string' ? form.altEn : undefined, ko: typeof form.altKo === 'string' ? form.altKo : undefined };
    return c.json(await addImage(deps, p.slug, p.product, c.var.user, bytes, alt), 201);
  });
  portal.openapi(productRoutes.removeImage, async (c) => {
    const p = c.req.valid('param');
    return c.json(await removeImage(deps, p.slug, p.product, c.var.user, p.position), 200);
  });
}
