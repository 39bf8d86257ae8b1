// Draws the API reference from the OpenAPI document named on the page.
window.addEventListener("load", function () {
  var element = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({
    url: element.getAttribute("data-openapi-url"),
    domNode: element,
    deepLinking: true,
    layout: "BaseLayout",
    presets: [window.SwaggerUIBundle.presets.apis],
  });
});
