/**
 * Builds the add-in's pages into dist/:
 *   taskpane.html  the task pane (React + Fluent UI)
 *   commands.html  the ribbon's function file (no UI; runs "Kontrollera arbetsboken")
 *   outcome.html   the small dialog in which that command reports its outcome
 * plus assets/, manifest.xml and office-js/ (office.js and its Excel host files, served
 * from our own origin so the add-in asks no other host for code).
 *
 *   npm run build       production: URLs in manifest.xml rewritten to URL_PROD
 *   npm run dev-server  https://localhost:3000 with the Office dev certificates
 */
"use strict";

const path = require("node:path");

const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const URL_DEV = "https://localhost:3000/";
// Where production is served from. Change it here, or set BALANS_URL_PROD when building.
const URL_PROD = withTrailingSlash(process.env.BALANS_URL_PROD || "https://balans.example.org/");
const DEV_SERVER_PORT = Number(process.env.npm_package_config_dev_server_port || 3000);

const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * office.js picks its host file at run time (excel-web-16.00.js, excel-win32-16.01.js, …)
 * and the strings of the user's locale (sv-se/office_strings.js, …) next to itself, so
 * we copy the folder — without debug builds, other hosts' files, type definitions,
 * Visual Studio IntelliSense data and the custom-functions runtime (Balans has none).
 */
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*.d.ts",
  "**/office-vsdoc.js",
  "**/custom-functions-runtime.js",
  "**/access-*.js",
  "**/onenote*.js",
  "**/outlook*.js",
  "**/powerpoint*.js",
  "**/project*.js",
  "**/word*.js",
];

function withTrailingSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/**
 * The dev server must speak https (Office refuses http add-ins). The Office dev
 * certificates are trusted by the local Office; installing them needs administrator
 * rights (sudo on Linux). Without them we still serve, with webpack-dev-server's own
 * self-signed certificate, and say why Excel may refuse it.
 */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const { ca, key, cert } = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca, key, cert } };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    console.warn(
      `Office dev certificates unavailable (${reason}).\n` +
        "Serving with a self-signed certificate that Excel will not trust; run " +
        "`npx office-addin-dev-certs install` with administrator rights to fix that.",
    );
    return { type: "https" };
  }
}

function page(name, template, chunk) {
  return new HtmlWebpackPlugin({
    filename: `${name}.html`,
    template,
    chunks: [chunk],
    // The bundle runs after office.js, which the template loads with a plain <script>.
    scriptLoading: "defer",
  });
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode !== "development";
  const serving = Boolean(env.WEBPACK_SERVE);

  return {
    mode: production ? "production" : "development",
    // Never an eval devtool: Office webviews and strict content policies reject eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      outcome: "./src/commands/outcome.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          loader: "ts-loader",
          options: {
            // `npm run typecheck` checks types; the bundler only strips them (the
            // tsconfig sets isolatedModules, so file-by-file emit is safe).
            transpileOnly: true,
            compilerOptions: { module: "esnext", sourceMap: true },
          },
        },
        {
          test: /\.(png|svg|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return production ? content.toString().replaceAll(URL_DEV, URL_PROD) : content;
            },
          },
          {
            from: "**/*",
            context: OFFICE_JS_DIR,
            to: "office-js/",
            globOptions: { ignore: OFFICE_JS_IGNORE },
            // Already minified by Microsoft; without this, production minifies 29 MB again.
            info: { minimized: true },
          },
        ],
      }),
      page("taskpane", "./src/taskpane/taskpane.html", "taskpane"),
      page("commands", "./src/commands/commands.html", "commands"),
      page("outcome", "./src/commands/outcome.html", "outcome"),
    ],
    performance: {
      // The task pane carries React and Fluent UI; budgets are reported by the build
      // summary instead of a warning on every build.
      hints: false,
    },
    devServer: {
      port: DEV_SERVER_PORT,
      headers: { "Access-Control-Allow-Origin": "*" },
      hot: true,
      static: false, // everything served is built or copied by webpack
      server: serving ? await httpsServer() : undefined,
    },
  };
};
