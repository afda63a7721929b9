import { jsonResult } from "../http/io";
import { MANAGING_ENTITIES, type ManagingEntity } from "../state/managing-entity";
import { validationProblem } from "./problem";
import type { ApiRequest, ApiRoute } from "./route";
import { gridRequestSchema, validate } from "./validation";

/**
 * The entities a caller may see: the one its application belongs to, and every other entity that
 * the application's Wink user manages (an API credential acts for the user who made it).
 */
export function visibleEntities(request: Pick<ApiRequest, "caller">): ManagingEntity[] {
  const { managingEntityId, userIdentifier } = request.caller.application;
  return MANAGING_ENTITIES.filter(
    (entity) =>
      entity.id === managingEntityId ||
      (userIdentifier !== undefined &&
        entity.managers.some((manager) => manager.userIdentifier === userIdentifier)),
  );
}

function owned(request: ApiRequest) {
  const type = request.query.get("type");
  const entities = visibleEntities(request);
  return jsonResult(200, type ? entities.filter((entity) => entity.type === type) : entities);
}

function all(request: ApiRequest) {
  return jsonResult(200, visibleEntities(request));
}

/** A Spring Data page. Sort and filter are accepted and ignored: there are two entities. */
function grid(request: ApiRequest) {
  const input = validate(gridRequestSchema, request.body);
  if (!input.ok) return validationProblem(request.instance, input.errors);
  const { skip, take } = input.value;
  const entities = visibleEntities(request);
  const content = entities.slice(skip, skip + take);
  const sort = { empty: true, sorted: false, unsorted: true };
  return jsonResult(200, {
    totalElements: entities.length,
    totalPages: Math.ceil(entities.length / take),
    size: take,
    content,
    number: Math.floor(skip / take),
    first: skip === 0,
    last: skip + take >= entities.length,
    numberOfElements: content.length,
    pageable: {
      offset: skip,
      sort,
      pageSize: take,
      paged: true,
      unpaged: false,
      pageNumber: Math.floor(skip / take),
    },
    sort,
    empty: content.length === 0,
  });
}

export const MANAGING_ENTITY_ROUTES: ApiRoute[] = [
  {
    method: "GET",
    pattern: "/api/managing-entity/list",
    operation: "entities",
    scope: "account.read",
    handle: owned,
  },
  {
    method: "GET",
    pattern: "/api/managing-entity/list/all",
    operation: "entities",
    scope: "account.read",
    handle: all,
  },
  {
    method: "POST",
    pattern: "/api/managing-entity/grid",
    operation: "entities",
    scope: "account.read",
    takesBody: true,
    handle: grid,
  },
];
