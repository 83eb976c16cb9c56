import { createRoute, z } from '@hono/zod-openapi';
import {
  ZErrorBody,
  ZKindergartenId,
  ZKindergartenPlaces,
  ZPlace,
  ZPlaceId,
  ZReportPlaces,
  ZRevocationResult,
  ZRevokePlaces,
} from '@kezek/contracts';
import { actorOf } from '../../http/auth-middleware';
import { createRouter, json } from '../../http/openapi-app';
import type { Clock } from '../../platform/clock';
import type { Rules } from '../../platform/rules';
import type { Transactor } from '../../platform/transactor';
import { listKindergartenPlaces } from './list-kindergarten-places';
import type { PlacesRepository } from './places.repository';
import { reportPlaces, type PlaceRepos } from './report-places';
import { revokePlaces, type RevokeRepos } from './revoke-places';
import { vacatePlace, type VacateRepos } from './vacate-place';

const errors = {
  400: { description: 'Invalid input (names the field)', ...json(ZErrorBody) },
  401: { description: 'Not signed in', ...json(ZErrorBody) },
  403: { description: 'Not allowed', ...json(ZErrorBody) },
  404: { description: 'No such kindergarten or place (or not yours)', ...json(ZErrorBody) },
  409: { description: 'Not possible in the current state (names the rule)', ...json(ZErrorBody) },
  422: { description: 'Refused by a rule (names the rule ID)', ...json(ZErrorBody) },
};

const routes = {
  list: createRoute({
    method: 'get',
    path: '/api/kindergartens/{id}/places',
    tags: ['places'],
    summary:
      "A kindergarten's groups and reported places (its staff, the district's clerks, regional admin, auditor)",
    request: { params: ZKindergartenId },
    responses: { 200: { description: 'Groups and places', ...json(ZKindergartenPlaces) }, ...errors },
  }),
  report: createRoute({
    method: 'post',
    path: '/api/kindergartens/{id}/places',
    tags: ['places'],
    summary: 'Report places in a group (R-KG-01): they wait for the next bulletin',
    request: {
      params: ZKindergartenId,
      headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }),
      body: { ...json(ZReportPlaces), required: true },
    },
    responses: {
      201: { description: 'The reported place', ...json(ZPlace) },
      200: { description: 'Already reported with this idempotency key', ...json(ZPlace) },
      ...errors,
    },
  }),
  revoke: createRoute({
    method: 'post',
    path: '/api/places/{id}/revoke',
    tags: ['places'],
    summary: 'Take back units of a place (R-KG-02); live referrals on them are revoked (R-KG-03)',
    request: { params: ZPlaceId, body: { ...json(ZRevokePlaces), required: true } },
    responses: {
      200: { description: 'The place after the revocation', ...json(ZRevocationResult) },
      ...errors,
    },
  }),
  vacated: createRoute({
    method: 'post',
    path: '/api/places/{id}/vacated',
    tags: ['places'],
    summary:
      'An early-booked place is free before its set date (R-SYS-07): referrals waiting for it start running',
    request: { params: ZPlaceId },
    responses: { 200: { description: 'The place, vacated', ...json(ZPlace) }, ...errors },
  }),
};

export function placesRoutes(deps: {
  places: PlacesRepository;
  transaction: Transactor<PlaceRepos & RevokeRepos & VacateRepos>;
  rules: Rules;
  format: (at: Date) => string;
  clock: Clock;
}) {
  return createRouter()
    .openapi(routes.list, async (c) =>
      c.json(
        await listKindergartenPlaces(deps.places, actorOf(c), c.req.valid('param').id, deps.format),
        200,
      ),
    )
    .openapi(routes.report, async (c) => {
      const { place, created } = await reportPlaces(
        deps,
        actorOf(c),
        c.req.valid('param').id,
        c.req.valid('json'),
        deps.clock.now(),
        c.req.valid('header')['idempotency-key'],
      );
      return created ? c.json(place, 201) : c.json(place, 200);
    })
    .openapi(routes.revoke, async (c) =>
      c.json(
        await revokePlaces(deps, actorOf(c), c.req.valid('param').id, c.req.valid('json'), deps.clock.now()),
        200,
      ),
    )
    .openapi(routes.vacated, async (c) =>
      c.json(await vacatePlace(deps, actorOf(c), c.req.valid('param').id, deps.clock.now()), 200),
    );
}
