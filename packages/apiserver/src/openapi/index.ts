export { createOpenApi, openApiV2ContentType, type OpenApi, type OpenApiV3Document } from './create-openapi.js';
export { openApiResponse } from './openapi-response.js';
