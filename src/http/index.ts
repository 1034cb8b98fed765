export { type HttpServer, type Route, sendJson, startHttpServer } from './http-server.ts';
