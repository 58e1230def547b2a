import type { z } from 'zod';

/** Personal desk roles, least to most powerful; each includes what the ones before it may do. */
export const ROLES = ['receptionist', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A method of the API: what the caller sends and what it gets back, both validated at the boundary. */
export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  request: Req;
  response: Res;
  /** Methods the waiting-room screen or a read-only manager may call without a desk login. */
  public?: boolean;
  /** The least role that may call it (default receptionist); the host and the app enforce it. */
  role?: Role;
}

export const method = <Req extends z.ZodType, Res extends z.ZodType>(
  request: Req,
  response: Res,
  opts: { public?: boolean; role?: Role } = {},
): MethodSpec<Req, Res> => ({ request, response, ...opts });

export type MethodMap = Record<string, MethodSpec>;
export type EventMap = Record<string, z.ZodType>;
