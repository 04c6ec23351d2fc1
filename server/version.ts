/** The version of Sajaro; a unit test keeps it equal to package.json's. */
export const SERVER_VERSION = '0.1.0';
