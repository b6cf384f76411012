/**
 * metacollect: typed clients for cloud metadata collection tasks.
 * The service clients are added by the client work; this entry never imports the mock.
 */
export const VERSION = '0.1.0';
