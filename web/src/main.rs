//! Mounts the dxcast app on the page's body.

fn main() {
    leptos::mount::mount_to_body(dxcast_web::App);
}
