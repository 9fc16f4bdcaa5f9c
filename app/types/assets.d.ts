// The Remix classic compiler turns a CSS or SVG import into the URL of the emitted asset.
declare module "*.css" {
  const href: string;
  export default href;
}
