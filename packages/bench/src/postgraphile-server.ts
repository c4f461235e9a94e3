import { createServer } from "node:http";
import pg from "pg";
import { postgraphile } from "postgraphile";

// PostGraphile 4 over the same database: the peer for staff reads. Run as its
// own process; GET /statements tells how many SQL statements it has sent.

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
let statements = 0;
pool.on("connect", (client) => {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    statements++;
    return query(...args);
  };
});

const middleware = postgraphile(pool, "public", {
  disableDefaultMutations: true,
  disableQueryLog: true,
  dynamicJson: true,
  setofFunctionsContainNulls: false,
  retryOnInitFail: false,
});

const server = createServer((request, response) => {
  if (request.url === "/statements") return void response.writeHead(200).end(String(statements));
  middleware(request, response);
});
server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("postgraphile ready"));
