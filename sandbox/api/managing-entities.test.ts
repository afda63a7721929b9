import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { RunningSandbox } from "../server";
import { SECOND_ENTITY_ID } from "../state/managing-entity";
import { accessToken, callApi, startTestSandbox } from "../testing/harness";

let sandbox: RunningSandbox;
let token: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  token = await accessToken(sandbox);
});
afterAll(() => sandbox.close());

describe("managing entities", () => {
  it("lists the entities the caller's user manages, narrowed by type", async () => {
    const owned = await callApi(sandbox, "/api/managing-entity/list", { token });
    expect(owned.status).toBe(200);
    expect(owned.body).toEqual([
      expect.objectContaining({ id: sandbox.managingEntityId, name: "Sandbox Travel Co." }),
      expect.objectContaining({ id: SECOND_ENTITY_ID, name: "Sandbox Hotels Ltd." }),
    ]);
    const agents = await callApi(sandbox, "/api/managing-entity/list?type=TRAVEL_AGENT", { token });
    expect(agents.body).toHaveLength(1);
    const hotels = await callApi(sandbox, "/api/managing-entity/list?type=HOTEL", { token });
    expect(hotels.body).toEqual([expect.objectContaining({ id: SECOND_ENTITY_ID })]);
    const marinas = await callApi(sandbox, "/api/managing-entity/list?type=CHAIN", { token });
    expect(marinas.body).toEqual([]);
  });

  it("lists every associated entity", async () => {
    const all = await callApi(sandbox, "/api/managing-entity/list/all", { token });
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(2);
  });

  it("keeps each entity's applications apart", async () => {
    const second = await callApi(
      sandbox,
      `/api/managing-entity/${SECOND_ENTITY_ID}/application/list`,
      { token },
    );
    expect(second.status).toBe(200);
    const names = (second.body as { name: string }[]).map((application) => application.name);
    expect(names).toContain("Harbour Hotel Booking");
    expect(names).not.toContain("Booking Engine Widget");
  });

  it("pages the grid with skip and take", async () => {
    const first = await callApi(sandbox, "/api/managing-entity/grid", {
      method: "POST",
      token,
      body: { skip: 0, take: 10 },
    });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      totalElements: 2,
      numberOfElements: 2,
      first: true,
      last: true,
    });

    const beyond = await callApi(sandbox, "/api/managing-entity/grid", {
      method: "POST",
      token,
      body: { skip: 10, take: 10 },
    });
    expect(beyond.body).toMatchObject({ content: [], empty: true, number: 1 });
  });

  it("refuses a take above 180, naming it", async () => {
    const response = await callApi(sandbox, "/api/managing-entity/grid", {
      method: "POST",
      token,
      body: { take: 500 },
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ properties: { errors: [{ field: "take" }] } });
  });

  it("counts every entity request as the entities operation", async () => {
    expect(sandbox.stats().requests.entities).toBeGreaterThanOrEqual(6);
  });
});
