// Shared UI of the web app and the admin console. See README in each export's module.
export {};
