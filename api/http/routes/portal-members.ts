// The portal's member routes: a company's owners invite colleagues, list members and open
// invitations, revoke and remove; the invitee looks at and accepts an invitation with the
// token from the e-mailed link (sent in the body, never in an address).
import { json, jsonBody, problem } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import {
  acceptInvitation, INVITATION_TOKEN, invite, lookupInvitation, members, PORTAL_LANGUAGES, removeMember, revokeInvitation,
  type MemberDeps,
} from '../../services/company-members.ts';
import type { SessionEnv } from '../session.ts';
import { Slug } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Not an owner of this company'), 404: problem('No such company, member or invitation') };

const CompanyParam = z.object({ slug: Slug });
const Id = z.string().regex(/^[1-9][0-9]{0,17}$/, 'Not an id');
const InvitationParam = z.object({ slug: Slug, id: Id });
const MemberParam = z.object({ slug: Slug, user: Id });
const Invitation = z.object({
  id: z.string(), email: z.string(), invitedBy: z.string().nullable(), createdAt: z.string(), expiresAt: z.string(),
  status: z.enum(['pending', 'expired']),
}).openapi('PortalInvitation');
const Members = z.object({
  members: z.array(z.object({ userId: z.string(), name: z.string(), email: z.string(), role: z.enum(['owner', 'member']), you: z.boolean() })),
  invitations: z.array(Invitation),
}).openapi('PortalMembers');
const InviteBody = z.object({
  email: z.email('Not an e-mail address').max(254),
  locale: z.enum(PORTAL_LANGUAGES).optional().openapi({ description: 'The portal language the link opens in and the e-mail is written in (the inviter\'s own by default)' }),
}).strict();
const TokenBody = z.object({ token: z.string().regex(INVITATION_TOKEN, 'Not an invitation token') }).strict();
const Joined = z.object({ company: z.object({ slug: z.string(), names: z.object({ en: z.string(), ko: z.string() }) }) }).passthrough();
const tokenRefused = {
  400: problem('Not a token'), 401: problem('Not signed in'), 403: problem('The invitation is for another e-mail address'),
  404: problem('No such invitation'), 410: problem('Used, revoked or expired'),
};

export const memberRoutes = {
  list: createRoute({
    method: 'get', path: '/companies/{slug}/members', tags: ['Portal'], summary: 'The company\'s members and open invitations (owners)',
    request: { params: CompanyParam }, responses: { 200: json(Members, 'Members and invitations'), ...denied },
  }),
  invite: createRoute({
    method: 'post', path: '/companies/{slug}/invitations', tags: ['Portal'],
    summary: 'Invite a colleague by e-mail (owners); an open invitation to the same address is replaced',
    request: { params: CompanyParam, ...jsonBody(InviteBody) },
    responses: { 201: json(Invitation, 'Invited'), 400: problem('Not an e-mail address'), 409: problem('Already a member, or too many open invitations'), ...denied },
  }),
  revoke: createRoute({
    method: 'delete', path: '/companies/{slug}/invitations/{id}', tags: ['Portal'], summary: 'Revoke an open invitation (owners)',
    request: { params: InvitationParam }, responses: { 200: json(Members, 'Members and invitations'), 409: problem('Already accepted or revoked'), ...denied },
  }),
  remove: createRoute({
    method: 'delete', path: '/companies/{slug}/members/{user}', tags: ['Portal'], summary: 'Remove a member (owners); never the last owner',
    request: { params: MemberParam }, responses: { 200: json(Members, 'Members and invitations'), 409: problem('The last owner'), ...denied },
  }),
  lookup: createRoute({
    method: 'post', path: '/invitations/lookup', tags: ['Portal'], summary: 'What an invitation token invites the signed-in user to',
    request: jsonBody(TokenBody), responses: { 200: json(Joined, 'The invitation'), ...tokenRefused },
  }),
  accept: createRoute({
    method: 'post', path: '/invitations/accept', tags: ['Portal'], summary: 'Accept an invitation: the signed-in user (the invited address) becomes a member',
    request: jsonBody(TokenBody), responses: { 200: json(Joined, 'Joined'), ...tokenRefused },
  }),
};

export function registerMemberRoutes(portal: OpenAPIHono<SessionEnv>, deps: MemberDeps) {
  portal.openapi(memberRoutes.list, async (c) => c.json(await members(deps, c.req.valid('param').slug, c.var.user), 200));
  portal.openapi(memberRoutes.invite, async (c) => c.json(await invite(deps, c.req.valid('param').slug, c.var.user, c.req.valid('json')), 201));
  portal.openapi(memberRoutes.revoke, async (c) => {
    const p = c.req.valid('param');
    return c.json(await revokeInvitation(deps, p.slug, c.var.user, p.id), 200);
  });
  portal.openapi(memberRoutes.remove, async (c) => {
    const p = c.req.valid('param');
    return c.json(await removeMember(deps, p.slug, c.var.user, p.user), 200);
  });
  portal.openapi(memberRoutes.lookup, async (c) => c.json(await lookupInvitation(deps, c.var.user, c.req.valid('json').token), 200));
  portal.openapi(memberRoutes.accept, async (c) => c.json(await acceptInvitation(deps, c.var.user, c.req.valid('json').token), 200));
}
